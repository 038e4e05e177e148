export default definePageConfig({ navigationBarTitleText: '临时身份证明核验' });
