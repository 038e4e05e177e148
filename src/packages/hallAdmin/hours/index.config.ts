export default definePageConfig({ navigationBarTitleText: '值班与特别办公时间' });
