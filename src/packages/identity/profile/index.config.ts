export default definePageConfig({ navigationBarTitleText: '我的实名信息' });
