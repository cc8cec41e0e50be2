import type { Attendee, EventFacts } from './types';
import type { Component, Property } from './icalTypes';

/** Lower-case address without `mailto:`, so addresses compare the way users expect. */
export function normalizeEmail(value: string): string {
  return value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
}

function text(component: Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

function param(property: Property, name: string): string {
  const value = property.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.toUpperCase() : '';
}

function address(property: Property): string {
  const value = property.getFirstValue();
  const email = typeof value === 'string' ? normalizeEmail(value) : '';
  if (email.includes('@')) return email;
  const fromParam = property.getParameter('email');
  return typeof fromParam === 'string' ? normalizeEmail(fromParam) : email;
}

export function readFacts(component: Component): EventFacts {
  const attendees: Attendee[] = component.getAllProperties('attendee').map((property) => ({
    email: address(property),
    partstat: param(property, 'partstat') || 'NEEDS-ACTION',
    cutype: param(property, 'cutype') || 'INDIVIDUAL',
  }));
  const organizer = component.getFirstProperty('organizer');
  return {
    title: text(component, 'summary'),
    status: text(component, 'status').toUpperCase(),
    transparent: text(component, 'transp').toUpperCase() === 'TRANSPARENT',
    busyStatus: text(component, 'x-microsoft-cdo-busystatus').trim().toUpperCase(),
    attendees,
    organizer: organizer ? address(organizer) : '',
  };
}
