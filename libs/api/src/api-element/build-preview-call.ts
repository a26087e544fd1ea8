import { buildHttpRequest, isInboundAttribute, type Api, type AttributeValues, type BuiltHttpRequest } from '@parley/elements';

/**
 * The `http.request` call the API element would emit for `element` with these attribute
 * values: buildHttpRequest with the element's own transport (timeout, retries, mTLS
 * certificate), exactly as the element's run does, inbound attributes left out (the spec
 * forbids them in the request, so they are never filled in). Pure.
 */
export function buildPreviewCall(element: Api, sampleAttributes: Readonly<AttributeValues>): BuiltHttpRequest {
  const attributes = Object.fromEntries(Object.entries(sampleAttributes).filter(([name]) => !isInboundAttribute(name)));
  return buildHttpRequest(element, attributes, {
    purpose: 'api',
    timeoutMs: element.timeoutSeconds * 1000,
    retries: element.retries,
    mtlsCertificateId: element.mtlsCertificateId,
  });
}
