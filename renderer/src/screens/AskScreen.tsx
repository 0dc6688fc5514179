import { useState } from 'react';
import { Button, Card, Empty, Input, List, Progress, Result, Space, Spin, Tag, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { KgAnswer, KgAskResult } from '../../../main/common/contract/kg.js';
import { CitedSection } from '../components/CitedSection.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { KgEngineLine } from '../components/KgEngineLine.js';
import { ServiceFactsCard } from '../components/ServiceFactsCard.js';
import { formatMs } from '../format.js';
import { L } from '../i18n.js';
import { useLoad } from '../use-load.js';
import { useRecentQuestions } from '../use-recent-questions.js';
import type { ScreenProps } from './registry.js';
import './AskScreen.css';

/** Answers per question: the best few, each with its citation. */
const K = 3;

interface Asked {
  question: string;
  /** Bumped on every ask, so asking the same question again asks the hub again. */
  n: number;
}

/** Questions in Chinese or English answered from the knowledge graph (kg.ask), each answer with its citation. */
export function AskScreen(_props: ScreenProps) {
  const [draft, setDraft] = useState('');
  const [asked, setAsked] = useState<Asked | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const recent = useRecentQuestions();
  const result = useLoad<KgAskResult | null>(
    (c) => (asked ? c.call('kg.ask', { question: asked.question, k: K }) : Promise.resolve(null)),
    [asked],
    // A question is asked once; a reconnect does not ask it again.
    { reloadOnReconnect: false },
  );
  const busy = asked !== null && result.loading;

  function ask(question: string): void {
    const q = question.trim();
    if (!q) return;
    setDraft(q);
    setAsked((a) => ({ question: q, n: (a?.n ?? 0) + 1 }));
    recent.remember(q);
  }

  const answer = result.data;
  return (
    <div className="screen ask-screen" data-testid="screen-ask">
      <div className="ask-layout">
        <div className="ask-main">
          <Card title={L.askTitle}>
            <p className="muted small ask-subtitle">{L.askSubtitle}</p>
            <div data-testid="ask-input">
              <Input.Search
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onSearch={(v) => ask(v)}
                placeholder={L.askPlaceholder}
                enterButton={L.askButton}
                size="large"
                loading={busy}
                maxLength={1000}
                aria-label={L.askTitle}
              />
            </div>
          </Card>

          {result.error && <ErrorBox error={result.error} testId="ask-error" onRetry={result.reload} />}
          {busy && !answer && (
            <div className="ask-wait">
              <Spin />
            </div>
          )}
          {answer && (
            <section className="ask-result" aria-live="polite" data-testid="ask-result" data-no-answer={answer.noAnswer ? 'true' : 'false'}>
              <Space className="ask-result-head" wrap>
                <strong>{L.askAnswers}</strong>
                <Typography.Text type="secondary" data-testid="ask-question">
                  {answer.question}
                </Typography.Text>
                {answer.ms !== undefined && (
                  <Tag>
                    {L.time} {formatMs(answer.ms)}
                  </Tag>
                )}
              </Space>
              <KgEngineLine engine={answer.engine} />
              {answer.noAnswer ? (
                <>
                  <Result status="info" title={L.askNoAnswer} subTitle={L.askNoAnswerReason} className="ask-no-answer" data-testid="ask-no-answer" />
                  {answer.closest && answer.closest.length > 0 && (
                    <section className="ask-closest" aria-label={L.askClosest}>
                      <Typography.Text type="secondary" strong>
                        {L.askClosest}
                      </Typography.Text>
                      <ol className="ask-answers">
                        {answer.closest.map((a, i) => (
                          <AnswerCard key={`${a.citation.passage}-${i}`} answer={a} rank={i + 1} onOpen={() => setOpened(a.citation.passage)} closest />
                        ))}
                      </ol>
                    </section>
                  )}
                </>
              ) : (
                <ol className="ask-answers" data-testid="ask-answers">
                  {answer.answers.map((a, i) => (
                    <AnswerCard key={`${a.citation.passage}-${i}`} answer={a} rank={i + 1} onOpen={() => setOpened(a.citation.passage)} />
                  ))}
                </ol>
              )}
            </section>
          )}
        </div>

        <Card
          size="small"
          className="ask-recent"
          title={
            <span>
              <HistoryOutlined /> {L.askRecent}
            </span>
          }
          extra={
            recent.recent.length > 0 && (
              <Button size="small" type="link" onClick={recent.clear} data-testid="ask-recent-clear">
                {L.askRecentClear}
              </Button>
            )
          }
        >
          {recent.recent.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={L.askRecentEmpty} />
          ) : (
            <List
              size="small"
              dataSource={recent.recent}
              renderItem={(q) => (
                <List.Item>
                  <Button type="link" className="ask-recent-q" onClick={() => ask(q)} disabled={busy} title={q} data-testid="ask-recent-item">
                    {q}
                  </Button>
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
      <CitedSection passage={opened} onClose={() => setOpened(null)} />
    </div>
  );
}

/** An answer, or (`closest`) a candidate below the no-answer bar, shown muted and never as an answer. */
function AnswerCard({ answer, rank, onOpen, closest = false }: { answer: KgAnswer; rank: number; onOpen: () => void; closest?: boolean }) {
  const c = answer.citation;
  const pct = Math.round(answer.score * 100);
  return (
    <li className={closest ? 'ask-answer ask-answer-closest' : 'ask-answer'} data-testid={closest ? 'ask-closest' : 'ask-answer'} data-passage={c.passage} data-score={answer.score}>
      <Card size="small">
        <div className="ask-answer-top">
          <span className="ask-rank">{rank}</span>
          <p className="ask-answer-text" data-testid="ask-answer-text">
            {answer.text}
          </p>
          <div className="ask-score" title={L.askScore}>
            <Progress type="circle" percent={pct} size={44} format={() => answer.score.toFixed(2)} />
            <span className="muted small">{L.askScore}</span>
          </div>
        </div>
        <div className="ask-citation" data-testid="ask-citation">
          <span className="muted small">{L.askCitation}</span>
          <span className="ask-cite-source" data-testid="ask-citation-source">
            {c.source}
          </span>
          <span className="ask-cite-section" data-testid="ask-citation-section">
            {c.section}
          </span>
          <code className="ask-cite-passage" title={L.askPassage} data-testid="ask-citation-passage">
            {c.passage}
          </code>
          <Button size="small" onClick={onOpen} data-testid="ask-open-section">
            {L.askOpenSection}
          </Button>
        </div>
        {answer.matchedExample && (
          <div className="ask-matched-example muted small" data-testid="ask-matched-example">
            {L.askMatchedExample}: “{answer.matchedExample}”
          </div>
        )}
        {answer.facts && <ServiceFactsCard facts={answer.facts} />}
      </Card>
    </li>
  );
}
