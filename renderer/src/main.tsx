import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client.js';
import { App } from './App.js';
import { ClientProvider } from './client-context.js';
import './styles.css';

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
