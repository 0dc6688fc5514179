import type { ErrorPayload } from '../../../main/common/contract/errors.js';
import { errorCodeLabel, L } from '../i18n.js';
import './ErrorBox.css';

/** An error as the contract carries it: the code (with its label) and the message. */
export function ErrorBox({
  error,
  testId = 'error',
  onRetry,
}: {
  error: ErrorPayload;
  testId?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      <div className="error-head">
        <code className="error-code" data-testid={`${testId}-code`}>
          {error.code}
        </code>
        <span className="error-label">{errorCodeLabel[error.code] ?? ''}</span>
        {onRetry && (
          <button type="button" className="btn btn-small" onClick={onRetry}>
            {L.retry}
          </button>
        )}
      </div>
      <p className="error-message" data-testid={`${testId}-message`}>
        {error.message}
      </p>
    </div>
  );
}
