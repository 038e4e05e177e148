export default definePageConfig({ navigationBarTitleText: '户籍证明核验' });
