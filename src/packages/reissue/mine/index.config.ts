export default definePageConfig({ navigationBarTitleText: '我的补领申请' });
