export default definePageConfig({ navigationBarTitleText: '户政服务' });
