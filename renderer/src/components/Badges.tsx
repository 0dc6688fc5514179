import type { JobStatus } from '../../../main/common/contract/jobs.js';
import { jobStatusLabel, L } from '../i18n.js';
import './Badges.css';

export function EngineBadge({ engine }: { engine: string }) {
  return (
    <span className="badge badge-engine" data-testid="engine-badge" title={L.engine}>
      {engine}
    </span>
  );
}

export function StatusBadge({ status, testId }: { status: JobStatus; testId?: string }) {
  return (
    <span className={`badge status status-${status}`} data-testid={testId} data-status={status}>
      {jobStatusLabel[status]}
    </span>
  );
}
