import type { IService } from 'kubernetes-models/v1/Service';
import { SERVICES } from '../platform';
import { selectorLabels, serviceLabels } from './labels';

/** Production takes mail from the internet's MTAs on port 25 through a load balancer. */
export function smtpLoadBalancer(): IService {
  const mail = SERVICES.find((s) => s.name === 'mail-gateway')!;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'mail-gateway-smtp', labels: serviceLabels(mail) },
    spec: {
      type: 'LoadBalancer',
      // Keeps the client address, which the gateway logs and SPF-style checks need.
      externalTrafficPolicy: 'Local',
      selector: selectorLabels(mail),
      ports: [{ name: 'smtp', port: 25, targetPort: 'smtp', protocol: 'TCP' }],
    },
  };
}
