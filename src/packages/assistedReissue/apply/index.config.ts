export default definePageConfig({ navigationBarTitleText: '代办补换领' });
