export default definePageConfig({ navigationBarTitleText: '补领进度' });
