'use client';

import type { MemberRole } from '../../../trpc/browser-api';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import { memberRoles } from '../role-permissions';

type RoleSelectProps = {
  value: MemberRole | undefined;
  onValueChange: (role: MemberRole) => void;
  id?: string;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
};

/** Picks one of the four roles (owner, builder, analyst, agent); keyboard-usable (Radix Select). */
export function RoleSelect({ value, onValueChange, id, disabled, className, ...aria }: RoleSelectProps) {
  return (
    <Select value={value ?? ''} onValueChange={(role) => onValueChange(memberRoles.find((known) => known === role) ?? 'agent')} disabled={disabled ?? false}>
      <SelectTrigger id={id} className={className} {...aria}>
        <SelectValue placeholder="Choose a role">{value}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {memberRoles.map((role) => (
          <SelectItem key={role} value={role}>
            {role}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
