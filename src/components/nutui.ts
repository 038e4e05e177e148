/**
 * The NutUI components the app uses, each with its own stylesheet (never the whole dist/style.css,
 * which would weigh on the 2 MB main package).
 */
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { Button, ConfigProvider, SearchBar, Switch, Tag } from '@nutui/nutui-react-taro';

// Not NutUI's Empty: its default pictures come from a third-party CDN. Ours draws its mark locally.
export { Empty } from './Empty';
