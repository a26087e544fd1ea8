import type { ApiFailure } from './describe-api-failure';

/** A page's error state when the API could not be used: what went wrong and which URL was tried. */
export function ApiFailureNotice({ failure }: { failure: ApiFailure }) {
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="api-failure-title">
      {failure.kind === 'unreachable' ? (
        <>
          <h2 id="api-failure-title">Cannot reach the Parley API</h2>
          <p>
            The editor tried <code>{failure.url}</code> and got no answer ({failure.detail}).
          </p>
          <p>Check that the API is running and that PARLEY_API_URL points at it, then reload this page.</p>
        </>
      ) : (
        <>
          <h2 id="api-failure-title">The Parley API refused the request</h2>
          <p>
            <code>{failure.url}</code> answered {failure.code}: {failure.detail}
          </p>
          {failure.code === 'UNAUTHORIZED' && <p>Check that PARLEY_WORKSPACE names an existing workspace, then reload this page.</p>}
        </>
      )}
    </section>
  );
}

/** The error state when the editor's own configuration is unusable. */
export function MisconfiguredNotice({ message }: { message: string }) {
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="misconfigured-title">
      <h2 id="misconfigured-title">The editor is misconfigured</h2>
      <p>{message}</p>
    </section>
  );
}
