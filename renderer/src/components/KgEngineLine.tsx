import { Space, Tag } from 'antd';
import type { KgEngine } from '../../../main/common/contract/kg.js';
import { L, type MessageKey } from '../i18n.js';

const PARTS: readonly { key: keyof KgEngine; label: MessageKey }[] = [
  { key: 'lexical', label: 'askEngineLexical' },
  { key: 'vector', label: 'askEngineVector' },
  { key: 'embedder', label: 'askEngineEmbedder' },
  { key: 'bridge', label: 'askEngineBridge' },
];

/** Every part of the retrieval, each with the name the hub gives it (or "not used"): which engine answered. */
export function KgEngineLine({ engine }: { engine: KgEngine }) {
  return (
    <Space size={[6, 6]} wrap className="kg-engine-line" data-testid="ask-engine">
      <span className="muted small">{L.askEngine}</span>
      {PARTS.map(({ key, label }) => {
        const value = engine[key];
        return (
          <Tag key={key} color={value ? 'blue' : 'default'} data-testid={`ask-engine-${key}`} data-used={value ? 'true' : 'false'}>
            <span className="kg-engine-part">{L[label]}</span> {value ?? L.askEngineUnused}
          </Tag>
        );
      })}
    </Space>
  );
}
