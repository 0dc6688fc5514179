// Styles first, in cascade order: antd's static CSS (zero-runtime mode, see App.tsx), then the console's shared
// rules; each component imports its own file after these.
import 'antd/dist/antd.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/table.css';
import './styles/lists.css';
import './styles/contrast.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client.js';
import { App } from './App.js';
import { ClientProvider } from './client-context.js';

const client = createClient();
const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
