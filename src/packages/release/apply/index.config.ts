export default definePageConfig({ navigationBarTitleText: '参加摇号' });
