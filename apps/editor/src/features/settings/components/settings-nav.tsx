'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../../../ui/cn';
import type { NavLink } from '../../workspaces/role-permissions';

/** The settings pages the member's role may open, the current one marked. */
export function SettingsNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <ul className="grid gap-0.5">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'block rounded-md px-3 py-1.5 text-sm text-muted-foreground no-underline hover:bg-accent hover:text-accent-foreground hover:no-underline',
                  current && 'bg-accent font-medium text-accent-foreground',
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
