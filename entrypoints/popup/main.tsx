import { render } from 'preact';
import { App } from './App';
import { preload } from './preload';
import { parseRoute } from '../../lib/views/address';
import './style.css';
import { markStart } from './timing';

markStart();
preload(parseRoute(location.search));
render(<App />, document.getElementById('app')!);
