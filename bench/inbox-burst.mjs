// The client side of `bench/inbox.ts`, on a thread of its own so that sending the burst does
// not share the server's event loop: posts every request at once, to the instances' ports in
// turn (a round-robin load balancer), answers each latency in ms.
// Plain JavaScript: a worker thread does not inherit tsx's loader.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { ports, requests } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: requests.length });

function post({ headers, body }, index) {
  const port = ports[index % ports.length];
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", headers, agent },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200
            ? resolve(performance.now() - sent)
            : reject(new Error(`a delivery answered ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

parentPort.postMessage(await Promise.all(requests.map(post)));
agent.destroy();
