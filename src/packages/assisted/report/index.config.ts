export default definePageConfig({ navigationBarTitleText: '代办统计' });
