import { useState } from 'react';
import { Alert, Card, Empty, Input, List, Segmented, Select, Space, Spin, Statistic, Tag } from 'antd';
import type { KgEntity, KgEntityType, KgNeighbourhood, KgStats } from '../../../main/common/contract/kg.js';
import { CatalogImport } from '../components/CatalogImport.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { ENTITY_TYPES, KgGraph } from '../components/KgGraph.js';
import { KgSources } from '../components/KgSources.js';
import { currentLang, L, t, word } from '../i18n.js';
import { useLoad } from '../use-load.js';
import type { ScreenProps } from './registry.js';
import './KgScreen.css';

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/**
 * The knowledge graph: its counts, entity search, the picked entity's neighbourhood as a graph (`#/kg/<entity id>`),
 * the sources (shipped and the user's documents, add and remove) and the service catalog import.
 */
export function KgScreen({ param, navigate }: ScreenProps) {
  const [query, setQuery] = useState('');
  const [type, setType] = useState<KgEntityType | 'all'>('all');
  const [depth, setDepth] = useState(1);
  // Bumped when sources change: counts and search results are read again.
  const [version, setVersion] = useState(0);
  const center = param;

  const stats = useLoad<KgStats>((c) => c.call('kg.stats'), [version]);
  const found = useLoad<KgEntity[]>(
    (c) => c.call('kg.entities.search', { query, ...(type === 'all' ? {} : { type }), limit: 50 }),
    [query, type, version],
  );
  const graph = useLoad<KgNeighbourhood | null>(
    (c) => (center ? c.call('kg.entities.neighbourhood', { id: center, depth, limit: 150 }) : Promise.resolve(null)),
    [center, depth, version],
  );
  const pick = (id: string) => navigate('kg', id);
  const changed = () => setVersion((v) => v + 1);

  return (
    <div className="screen kg-screen" data-testid="screen-kg">
      <Card size="small" title={L.kgStats}>
        {stats.error && <ErrorBox error={stats.error} testId="kg-stats-error" onRetry={stats.reload} />}
        {stats.data && (
          <div className="kg-stats" data-testid="kg-stats" data-passages={stats.data.passages}>
            <Statistic title={L.kgSourcesCount} value={stats.data.sources} />
            <Statistic title={L.kgPassagesCount} value={stats.data.passages} />
            <Statistic title={L.kgVectorsCount} value={stats.data.vectors} />
            <Statistic title={L.kgEntitiesCount} value={sum(stats.data.entities)} />
            <Statistic title={L.kgRelationsCount} value={sum(stats.data.relations)} />
            {stats.data.exampleQuestions !== undefined && <Statistic title={L.kgExampleQuestions} value={stats.data.exampleQuestions} />}
            <div className="kg-embedder">
              <span className="muted small">{L.kgEmbedder}</span>
              <span data-testid="kg-embedder">{stats.data.embedder ?? L.askEngineUnused}</span>
              {stats.data.vectorDims !== undefined && (
                <span className="muted small" data-testid="kg-vector-dims">
                  {stats.data.vectorDims} {L.kgVectorDims}
                </span>
              )}
              {stats.data.embedderNote && (
                <span className="small" role="status" data-testid="kg-embedder-note">
                  {L.kgEmbedderFallback}: {stats.data.embedderNote}
                </span>
              )}
            </div>
          </div>
        )}
      </Card>

      <div className="kg-explore">
        <Card size="small" title={L.kgSearch} className="kg-search">
          <div data-testid="kg-search">
            <Space.Compact block>
              <Select
                value={type}
                onChange={setType}
                className="kg-type-select"
                data-testid="kg-type"
                aria-label={L.kgTypeFilter}
                options={[{ value: 'all', label: L.kgAllTypes }, ...ENTITY_TYPES.map((k) => ({ value: k, label: word(`kg.type.${k}`) }))]}
              />
              <Input.Search allowClear placeholder={L.kgSearchPlaceholder} onSearch={(v) => setQuery(v.trim())} aria-label={L.kgSearch} />
            </Space.Compact>
          </div>
          {found.error && <ErrorBox error={found.error} testId="kg-search-error" onRetry={found.reload} />}
          <List
            size="small"
            className="kg-results"
            loading={found.loading}
            dataSource={found.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={L.kgNoEntities} /> }}
            renderItem={(e) => (
              <List.Item
                className={`kg-result ${e.id === center ? 'kg-result-on' : ''}`}
                onClick={() => pick(e.id)}
                data-testid="kg-result"
                data-entity={e.id}
              >
                <button type="button" className="kg-result-button" aria-current={e.id === center ? 'true' : undefined}>
                  <span className={`kg-legend-dot kg-dot-${e.type}`} aria-hidden="true" />
                  <span className="kg-result-name">{e.name}</span>
                  {e.nameEn && <span className="muted small">{e.nameEn}</span>}
                  <Tag className="kg-result-type">{word(`kg.type.${e.type}`)}</Tag>
                </button>
              </List.Item>
            )}
          />
        </Card>

        <Card
          size="small"
          className="kg-graph-card"
          title={L.kgGraph}
          extra={
            <Space>
              <span className="muted small">{L.kgDepth}</span>
              <Segmented size="small" value={depth} onChange={(v) => setDepth(Number(v))} options={[1, 2]} data-testid="kg-depth" />
            </Space>
          }
        >
          <div className="kg-legend" aria-label={L.kgGraph}>
            {ENTITY_TYPES.map((k) => (
              <span key={k}>
                <span className={`kg-legend-dot kg-dot-${k}`} aria-hidden="true" />
                {word(`kg.type.${k}`)}
              </span>
            ))}
          </div>
          {graph.error && <ErrorBox error={graph.error} testId="kg-graph-error" onRetry={graph.reload} />}
          {!center && <Empty description={L.kgGraphHint} className="kg-graph-empty" />}
          {center && !graph.data && graph.loading && <Spin className="kg-graph-spin" />}
          {graph.data && (
            <>
              <div className="kg-graph-meta">
                <span data-testid="kg-graph-count">{t('kgGraphCount', { nodes: graph.data.nodes.length, edges: graph.data.edges.length })}</span>
                {graph.data.truncated && <Alert type="warning" showIcon title={t('kgTruncated', { n: graph.data.nodes.length })} className="kg-truncated" />}
                <span className="muted small">{L.kgGraphHint}</span>
              </div>
              <KgGraph graph={graph.data} onPick={pick} lang={currentLang()} />
            </>
          )}
        </Card>
      </div>

      <KgSources onChanged={changed} />
      <CatalogImport onImported={changed} />
    </div>
  );
}
