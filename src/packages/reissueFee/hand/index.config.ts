export default definePageConfig({ navigationBarTitleText: '当面退费' });
