export default definePageConfig({ navigationBarTitleText: '摇号放号管理' });
