import { Card, Descriptions, Space, Tag } from 'antd';
import type { KgServiceFacts } from '../../../main/common/contract/kg.js';
import { L, word } from '../i18n.js';
import { StaticTable } from './StaticTable.js';

type Material = KgServiceFacts['materials'][number];

/** A service item's structured facts from the catalog: department, time limit, fee, channels and the materials. */
export function ServiceFactsCard({ facts }: { facts: KgServiceFacts }) {
  const none = <span className="muted">{L.factsNotStated}</span>;
  const list = (xs: string[]) => (xs.length ? <ul className="facts-list">{xs.map((x) => <li key={x}>{x}</li>)}</ul> : none);
  return (
    <Card
      size="small"
      className="facts-card"
      data-testid="service-card"
      data-service={facts.id}
      title={
        <span>
          {L.factsTitle} · <strong>{facts.name}</strong> <span className="muted">{facts.nameEn}</span>
        </span>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'department', label: L.factsDepartment, children: <span data-testid="facts-department">{facts.department}</span> },
          { key: 'time', label: L.factsTimeLimit, children: <span data-testid="facts-time-limit">{facts.timeLimit ?? none}</span> },
          { key: 'fee', label: L.factsFee, children: <span data-testid="facts-fee">{facts.fee ?? none}</span> },
          {
            key: 'channels',
            label: L.factsChannels,
            children: facts.channels.length ? (
              <Space size={[4, 4]} wrap data-testid="facts-channels">
                {facts.channels.map((c) => (
                  <Tag key={c}>{c}</Tag>
                ))}
              </Space>
            ) : (
              none
            ),
          },
          { key: 'basis', label: L.factsBasis, span: 'filled', children: list(facts.basis) },
          { key: 'conditions', label: L.factsConditions, span: 'filled', children: list(facts.conditions) },
          ...(facts.aliases.length
            ? [{ key: 'aliases', label: L.factsAliases, span: 'filled' as const, children: <span className="muted">{facts.aliases.join('、')}</span> }]
            : []),
        ]}
      />
      <h4 className="facts-materials-title">
        {L.factsMaterials} <span className="count">{facts.materials.length}</span>
      </h4>
      <StaticTable<Material>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={facts.materials}
        data-testid="facts-materials"
        onRow={(m) => ({ 'data-material': m.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: word('kg.type.material'),
            render: (_, m) => (
              <span>
                {m.name} <span className="muted small">{m.nameEn}</span>
              </span>
            ),
          },
          {
            key: 'required',
            title: `${L.factsRequired}/${L.factsOptional}`,
            render: (_, m) => <Tag color={m.required ? 'red' : 'default'}>{m.required ? L.factsRequired : L.factsOptional}</Tag>,
          },
          { key: 'form', title: L.factsForm, render: (_, m) => <span data-testid="material-form">{m.form ? word(`kg.form.${m.form}`) : none}</span> },
          { key: 'count', title: L.factsCount, render: (_, m) => <span data-testid="material-count">{m.count ?? none}</span> },
          {
            key: 'marks',
            title: `${L.factsSeal}/${L.factsSignature}`,
            render: (_, m) => (
              <Space size={4}>
                {m.needsSeal && <Tag color="orange">{L.factsSeal}</Tag>}
                {m.needsSignature && <Tag color="purple">{L.factsSignature}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
