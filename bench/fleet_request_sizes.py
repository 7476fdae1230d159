"""The largest request body a legitimate SuperNode sends: a two-view ResNet50 train reply, serialised exactly as
Flower 1.42's SuperNode does (flwr/supernode/fleet_http_connection.py: one PushMessages request carrying the
message and its object tree, then one PushObject request per object, each Array cut into 5 MiB ArrayChunks).
The fleet proxy's body cap (server/fleet_proxy.py MAX_REQUEST_BODY) is set from this.

    .venv/bin/python bench/fleet_request_sizes.py [--arch resnet50] [--image-size 128]
"""

from __future__ import annotations

import argparse
import time

from fedrad.common.model import build_model
from fedrad.common.runconfig import RunConfig
from flwr.app import ArrayRecord, Message, Metadata, MetricRecord, RecordDict
from flwr.app.message.message import remove_content_from_message
from flwr.common.serde import message_to_proto
from flwr.proto.fleet_pb2 import PushMessagesRequest
from flwr.proto.message_pb2 import PushObjectRequest
from flwr.proto.node_pb2 import Node
from flwr.supercore.inflatable.inflatable_object import get_all_nested_objects, get_object_tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="resnet50")
    ap.add_argument("--region", default="elbow", help="elbow has two views (ap, lateral): one backbone each")
    args = ap.parse_args()
    cfg = RunConfig(arch=args.arch, region=args.region)
    state = build_model(cfg.model_config()).state_dict()
    ins = Message(RecordDict(), metadata=Metadata(run_id=1, message_id="x" * 64, src_node_id=0, dst_node_id=2**63,
                                                  reply_to_message_id="", group_id="1", created_at=time.time(),
                                                  ttl=43200.0, message_type="train"))
    metrics = {"num-examples": 1000, "train-loss": 0.5, "train-seconds": 1.0, "client-seconds": 1.0, "site-index": -1}
    reply = Message(RecordDict({"arrays": ArrayRecord(state), "metrics": MetricRecord(metrics)}), reply_to=ins)
    node = Node(node_id=2**63)
    objects = get_all_nested_objects(reply)
    push_objects = [len(PushObjectRequest(node=node, run_id=2**63, object_id=oid, object_content=o.deflate(),
                                          session_id="s" * 64).SerializeToString()) for oid, o in objects.items()]
    bare = remove_content_from_message(reply)  # what send() pushes: content goes as objects
    push_messages = len(PushMessagesRequest(node=node, messages_list=[message_to_proto(bare)],
                                            message_object_trees=[get_object_tree(reply)],
                                            clientapp_runtime_list=[1.0]).SerializeToString())
    weights = sum(v.numel() * v.element_size() for v in state.values())
    print(f"{args.arch}, region {args.region} ({len(cfg.template().views)} views): {len(state)} arrays, "
          f"{weights / 2**20:.1f} MiB of weights, {len(objects)} objects")
    print(f"largest push-object body: {max(push_objects):,} bytes ({max(push_objects) / 2**20:.4f} MiB)")
    print(f"push-messages body (message + object tree): {push_messages:,} bytes")


if __name__ == "__main__":
    main()
