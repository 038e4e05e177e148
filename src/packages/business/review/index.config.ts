export default definePageConfig({ navigationBarTitleText: '户口业务审核' });
