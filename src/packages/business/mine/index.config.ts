export default definePageConfig({ navigationBarTitleText: '我的户口业务' });
