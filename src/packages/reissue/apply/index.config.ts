export default definePageConfig({ navigationBarTitleText: '身份证补换领' });
