import { render } from 'preact';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './app.tsx';

render(<App />, document.getElementById('app')!);
