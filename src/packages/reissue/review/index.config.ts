export default definePageConfig({ navigationBarTitleText: '补领审核' });
