export default definePageConfig({ navigationBarTitleText: '户口业务申请' });
