export default definePageConfig({ navigationBarTitleText: '电子临时身份证明' });
