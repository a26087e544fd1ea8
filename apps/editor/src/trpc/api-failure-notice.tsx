import { Alert, AlertDescription, AlertTitle } from '../ui/alert';
import type { ApiFailure } from './describe-api-failure';

/** Headings for the refusals a person meets; anything else is "refused". */
const refusalTitles: Record<string, string> = {
  FORBIDDEN: 'Your role does not allow this',
  NOT_FOUND: 'Not found',
  UNAUTHORIZED: 'You are signed out',
  BAD_REQUEST: 'The request was refused',
  TOO_MANY_REQUESTS: 'Too many requests',
};

/**
 * A page's error state when the API could not be used. Unreachable: which URL was
 * tried and why it failed. Refused: the server's own message (never a stack trace).
 */
export function ApiFailureNotice({ failure }: { failure: ApiFailure }) {
  const title = failure.kind === 'unreachable' ? 'Cannot reach the Parley API' : (refusalTitles[failure.code] ?? 'The Parley API refused the request');
  return (
    <Alert variant="destructive" role="alert" aria-labelledby="api-failure-title">
      <AlertTitle id="api-failure-title">{title}</AlertTitle>
      <AlertDescription>
        {failure.kind === 'unreachable' ? (
          <>
            <p>
              The editor tried <code>{failure.url}</code> and got no answer ({failure.detail}).
            </p>
            <p>Check that the API is running and that PARLEY_API_URL points at it, then reload this page.</p>
          </>
        ) : (
          <p>{failure.detail}</p>
        )}
      </AlertDescription>
    </Alert>
  );
}

/** The error state when the editor's own configuration is unusable. */
export function MisconfiguredNotice({ message }: { message: string }) {
  return (
    <Alert variant="destructive" role="alert" aria-labelledby="misconfigured-title">
      <AlertTitle id="misconfigured-title">The editor is misconfigured</AlertTitle>
      <AlertDescription>
        <p>{message}</p>
      </AlertDescription>
    </Alert>
  );
}

/** The error state of any failed API result (`failed` or `misconfigured`). */
export function ApiResultNotice({ result }: { result: { kind: 'failed'; failure: ApiFailure } | { kind: 'misconfigured'; message: string } }) {
  return result.kind === 'failed' ? <ApiFailureNotice failure={result.failure} /> : <MisconfiguredNotice message={result.message} />;
}
