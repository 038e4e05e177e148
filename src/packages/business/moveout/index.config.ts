export default definePageConfig({ navigationBarTitleText: '迁出办理' });
