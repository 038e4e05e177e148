export default definePageConfig({ navigationBarTitleText: '家庭成员代办' });
