export default definePageConfig({ navigationBarTitleText: '代办预约' });
