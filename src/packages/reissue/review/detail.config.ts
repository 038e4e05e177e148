export default definePageConfig({ navigationBarTitleText: '补领申请' });
