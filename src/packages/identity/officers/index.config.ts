export default definePageConfig({ navigationBarTitleText: '民警管理' });
