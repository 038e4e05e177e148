export default definePageConfig({ navigationBarTitleText: '摇号放号', enablePullDownRefresh: true });
