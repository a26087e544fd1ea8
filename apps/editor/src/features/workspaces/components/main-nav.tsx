'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../../../ui/cn';
import type { NavLink } from '../role-permissions';

/** True when `pathname` is the link's page or lies under its section. */
export function isCurrentLink(pathname: string, link: NavLink): boolean {
  const section = link.section ?? link.href;
  return pathname === link.href || pathname === section || pathname.startsWith(`${section}/`);
}

/** The main navigation: only the links the member's role may use (see mainLinks). */
export function MainNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {links.map((link) => {
          const current = isCurrentLink(pathname, link);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground no-underline hover:bg-accent hover:text-accent-foreground hover:no-underline',
                  current && 'bg-accent text-accent-foreground',
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
