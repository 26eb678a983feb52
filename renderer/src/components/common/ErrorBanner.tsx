/** A general error, for problems that belong to no single field. */
export function ErrorBanner({ message, testId = 'error-banner' }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
