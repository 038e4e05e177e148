export default definePageConfig({ navigationBarTitleText: '我的摇号申请', enablePullDownRefresh: true });
