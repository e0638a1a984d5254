import { render } from 'preact';
import { App } from './App';
import { createCodeSetStore } from './state/code-set-store';
import './style.css';

const store = createCodeSetStore();
render(<App store={store} />, document.getElementById('app')!);
void store.start();
