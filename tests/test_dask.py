"""The distributed recipe of the README: Dask with worker processes."""

from __future__ import annotations

import pandas as pd

import frnews


def entities_of(partition: pd.DataFrame) -> pd.DataFrame:
    docs = frnews.analyze_batch(partition["text"], n_threads=1)
    frame = frnews.to_pandas(docs, "entities", index=list(partition.index))
    return frame.astype({"label": "object", "zone": "object", "source": "object"})


def test_dask_local_cluster_map_partitions(seeds: list[str]) -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    texts = pd.DataFrame({"text": seeds * 4})
    expected = entities_of(texts).reset_index(drop=True)
    meta = expected.iloc[:0]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        ddf = dd.from_pandas(texts, npartitions=4)
        result = ddf.map_partitions(entities_of, meta=meta).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(result, expected)
