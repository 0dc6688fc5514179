import { useEffect, useRef } from 'react';
import { Breadcrumb, Modal, Space, Spin, Tag } from 'antd';
import type { KgSection } from '../../../main/common/contract/kg.js';
import { L, word } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { ErrorBox } from './ErrorBox.js';
import './CitedSection.css';

/**
 * The section an answer cites (kg.section {passage}), the cited passage highlighted and scrolled to. A Modal
 * without scroll lock: the lock writes an inline <style> the console's CSP refuses, and the console scrolls
 * inside <main>, not the body, so there is nothing to lock.
 */
export function CitedSection({ passage, onClose }: { passage: string | null; onClose: () => void }) {
  const section = useLoad<KgSection | null>((c) => (passage ? c.call('kg.section', { passage }) : Promise.resolve(null)), [passage], {
    reloadOnReconnect: false,
  });
  const marked = useRef<HTMLElement>(null);
  const data = section.data;

  useEffect(() => {
    if (data) requestAnimationFrame(() => marked.current?.scrollIntoView({ block: 'center' }));
  }, [data]);

  return (
    <Modal
      open={passage !== null}
      onCancel={onClose}
      footer={null}
      width={820}
      scrollLock={false}
      destroyOnHidden
      title={L.askSection}
    >
      <div data-testid="cited-section">
        {section.error && <ErrorBox error={section.error} testId="cited-section-error" onRetry={section.reload} />}
        {section.loading && !data && <Spin />}
        {data && (
          <div className="cited-section" data-testid="cited-section-body" data-section={data.section.id}>
            <Space size={[6, 6]} wrap className="cited-section-head">
              <Tag color="geekblue">{word(`kg.kind.${data.source.kind}`)}</Tag>
              <strong data-testid="cited-section-source">{data.source.name}</strong>
              {data.effectiveDate && (
                <span className="muted small">
                  {L.askEffective} {data.effectiveDate}
                </span>
              )}
            </Space>
            <Breadcrumb className="cited-section-path" items={data.section.path.map((p) => ({ title: p }))} data-testid="cited-section-path" />
            <p className="muted small">{L.askHighlighted}</p>
            <div className="cited-section-text">
              {data.passages.map((p) =>
                p.highlight ? (
                  <mark key={p.id} ref={marked} className="cited-passage" data-testid="cited-passage" data-passage={p.id}>
                    {p.text}
                  </mark>
                ) : (
                  <p key={p.id} className="section-passage" data-passage={p.id}>
                    {p.text}
                  </p>
                ),
              )}
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}
