export default definePageConfig({ navigationBarTitleText: '候补情况' });
