export default definePageConfig({ navigationBarTitleText: '户口业务网上申请' });
