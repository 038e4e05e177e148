export default definePageConfig({ navigationBarTitleText: '本厅咨询' });
