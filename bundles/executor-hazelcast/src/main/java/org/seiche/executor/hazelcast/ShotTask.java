package org.seiche.executor.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * One batch of shot work sent to one member: the only type a member builds from the
 * network (through this bundle's own factory, never Java serialisation). Its fields are
 * plain strings and bytes; the work and the pipeline travel as their compact binary forms,
 * each only to a member that has not got it yet, and the whole is signed with the cluster
 * secret. The member's answer is bytes as well (see {@link Reply}).
 */
final class ShotTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x5E1C_4E00;
    static final int CLASS_ID = 1;

    String from = "";
    String bundles = "";
    String workId = "";
    int batch;
    byte[] work = new byte[0];
    String imageId = "";
    byte[] image = new byte[0];
    byte[] mac = new byte[0];
    private transient HazelcastInstance instance;

    static IdentifiedDataSerializable create(int classId) {
        return classId == CLASS_ID ? new ShotTask() : null;
    }

    /** The parts the secret signs, in order. */
    byte[][] signed() {
        return new byte[][] {Secret.utf8(from), Secret.utf8(bundles), Secret.utf8(workId), Secret.utf8(Integer.toString(batch)), work,
                Secret.utf8(imageId), image};
    }

    @Override
    public byte[] call() {
        Worker worker = (Worker) instance.getUserContext().get(Cluster.WORKER);
        return worker == null ? Reply.refused("this process runs no shots (a coordinator)") : worker.run(this);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(from);
        out.writeString(bundles);
        out.writeString(workId);
        out.writeInt(batch);
        out.writeByteArray(work);
        out.writeString(imageId);
        out.writeByteArray(image);
        out.writeByteArray(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        from = in.readString();
        bundles = in.readString();
        workId = in.readString();
        batch = in.readInt();
        work = in.readByteArray();
        imageId = in.readString();
        image = in.readByteArray();
        mac = in.readByteArray();
    }
}
