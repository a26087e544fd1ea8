import type { ImportProblem } from '../model/read-import-text';

type ImportProblemsProps = { title: string; problems: readonly ImportProblem[] };

/** Why a file was not imported: a heading and one line per problem (its path in the document and the message), announced at once. */
export function ImportProblems({ title, problems }: ImportProblemsProps) {
  return (
    <section role="alert" aria-labelledby="import-problems-title" className="grid gap-2 rounded-md border border-destructive/50 bg-destructive/5 px-3 py-2 text-sm">
      <h3 id="import-problems-title" className="font-semibold text-destructive">
        {title}
      </h3>
      <ul className="grid max-h-56 gap-1.5 overflow-y-auto" data-testid="import-problems">
        {problems.map((problem, index) => (
          <li key={index} className="grid gap-0.5">
            {problem.path !== '' && <code className="text-xs break-all text-muted-foreground">{problem.path}</code>}
            <span>{problem.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
